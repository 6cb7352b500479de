namql1 ; $QLENGTH and $QSUBSCRIPT
 set n="a(1,""two"",3)"
 write "ql=",$qlength(n),!
 for i=-1:1:4 write "qs(",i,")=",$qsubscript(n,i),!
 write "ql(a)=",$qlength("a"),!
 write "ql(^g(1,2))=",$qlength("^g(1,2)"),!
 write "qs(^g(1,2),0)=",$qsubscript("^g(1,2)",0),!
 write "qs quote: ",$qsubscript("a(""x""""y"")",1),!
 write "ql $name: ",$qlength($name(z(1,2,3,4))),!
 quit
