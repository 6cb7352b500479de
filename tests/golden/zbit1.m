zbit1 ; the $ZBIT functions: layout, lengths of AND/OR/XOR, $ZBITFIND positions, INVBITLEN/INVBITSTR/INVBITPOS
 s $et="w $p($zs,"","",1),"" "",$p($zs,"","",3,9),! s $ec="""" q"
 s a=$zbitstr(10,1),b=$zbitstr(4),c=$zbitset(b,2,1)
 w $$h(a),"|",$$h(b),"|",$$h(c),"|",$zbitlen(a),$zbitlen(b),"|",$zbitcount(a),$zbitcount(c),!
 w $$h($zbitnot(c)),"|",$$h($zbitand(a,c)),"|",$$h($zbitor(b,c)),"|",$$h($zbitxor(a,c)),"|",$$h($zbitor(c,a)),"|",$$h($zbitand(c,a)),"|",$$h($zbitxor(c,a)),!
 w $zbitfind(c,1),"|",$zbitfind(c,0),"|",$zbitfind(c,1,3),"|",$zbitfind(a,0),"|",$zbitfind(c,1,2),"|",$zbitfind(c,1,0),"|",$zbitget(c,2),$zbitget(c,1),!
 w $$h($zbitstr(8,1)),"|",$$h($zbitstr(9,5)),"|",$$h($zbitstr(3,0)),"|",$$h($zbitnot(a)),!
 d e0,e1,e2,e3,e4,e5,e6,e7
 q
h(s) n i,o s o="" f i=1:1:$l(s) s o=o_$s(i>1:".",1:"")_$a(s,i)
 q o
e0 w $zbitstr(0),! q
e1 w $zbitget(c,5),! q
e2 w $zbitget("",1),! q
e3 w $zbitlen($c(9)),! q
e4 w $zbitset(c,0,1),! q
e5 w $zbitstr(-1),! q
e6 w $zbitset(c,1,2),! q
e7 w $zbitcount($c(4,255)),! q
