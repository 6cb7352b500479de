incbasic1 ; $INCREMENT on locals
 kill x
 write "undefined: ",$increment(x)," x=",x,!
 write "again: ",$increment(x),!
 write "by 5: ",$increment(x,5),!
 write "by -2.5: ",$increment(x,-2.5),!
 write "sub: ",$increment(a(1,"s")),$increment(a(1,"s")),!
 set s="abc" write "string: ",$increment(s),!
 set t="3xyz" write "numeric prefix: ",$increment(t,2),!
 write "by string: ",$increment(u,"4.5z"),!
 set n="cnt" write "indirect: ",$increment(@n),$increment(@n),!
 write "by 0: ",$increment(x,0)," x=",x,!
 write "$i abbreviation: ",$i(x),!
 set c(1)=1 write "$d before on parent: ",$data(c)," ",$increment(c)," ",$data(c),!
 quit
