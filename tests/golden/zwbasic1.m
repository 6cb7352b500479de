zwbasic1 ; ZWRITE of all locals, one name, a subtree
 kill
 set a=1,b="two",c(1)=3,c(1,"x")="y",c(2)="q""uote",d=-0.5,e="0.5",f="01"
 zwrite
 write "--",!
 zwrite c
 write "--",!
 zwrite c(1)
 write "--",!
 zwrite a,b
 quit
