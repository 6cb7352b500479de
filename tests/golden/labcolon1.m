labcolon1 ; a label may be followed by a colon (GT.M); $TEXT shows only the line start's tabs as spaces
 d a,b,c,e,n1
 w $t(a),"|",!,$t(b),"|",!,$t(c),"|",!,$t(d),"|",!,$t(e),"|",!,$t(f),"|",!,$t(g),"|",!,$t(g+1),"|",!,$t(g+2),"|",!,$t(n1),"|",!
 n $et s $et="w $p($zs,"","",3,9),! s $ec="""" q"
 d bad1
 d bad2
 q
a: w "in a",!
 q
b:	w "in b",! q
c:;comment
d:		;x	y
e: 	 w "in e",! q
f;	; z	k
g	w "g" d
	.	w 1	
	.	;	k
n1: w "in n1",! q
bad1(x): w "never",!
 q
bad2:w "never",!
 q
