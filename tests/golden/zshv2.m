zshv2 ; ZSHOW "V" into a local array
 kill
 set a=1,b(1)="two"
 zshow "V":out
 set i="" for  set i=$order(out("V",i)) quit:i=""  write "out(""V"",",i,")=",out("V",i),!
 write "$d(out)=",$data(out),!
 quit
