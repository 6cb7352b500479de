mrgbasic2 ; MERGE into itself, ancestor/descendant errors, indirection
 set a(1)="x",a(2,3)="y"
 merge a=a write "self merge ok: ",a(2,3),!
 set n="a",m="b" merge @m=@n write "indirect: ",b(2,3),!
 set s="c=a" merge @s write "argument indirection: ",c(1),!
 merge:0 z=a write "postcond false: $d(z)=",$data(z),!
 set p="a(2)" merge q=@p write "q(3)=",q(3),!
 set $etrap="write ""trap: "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 do e1,e2
 quit
e1 merge a(1)=a write "e1 not reached",! quit
e2 merge a=a(2) write "e2 not reached",! quit
