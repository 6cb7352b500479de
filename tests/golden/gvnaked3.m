gvnaked3 ; naked reference errors and evaluation order
 do t("write ^(1)")
 set ^A(1)=1
 do t("write ^(1),!")
 do t("write ^A,! write ^(1),!")
 set ^B=0 write $reference,!
 do t("write ^(2),!")
 set ^C(1,2)="c12",^C(1,3)="c13",^C(2)="c2"
 write ^C(1,2)_^(3),!
 write $data(^C(2)),^(1,3),!
 set ^D(1)=^C(1,2) write $reference,!
 set ^E(^C(2))=1 write $reference,!
 zwrite ^E
 quit
t(cmd) ;
 new $etrap set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
 write cmd,!
 xecute cmd
 quit
