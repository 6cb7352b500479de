zshv1 ; ZSHOW "V" of locals
 kill
 set a=1,b("x",2)="s",c="q""t"
 zshow "V"
 write "--",!
 zshow "v"
 quit
