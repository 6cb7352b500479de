gverr1 ; NULSUBSC and GVUNDEF errors
 set ^X(1)=1
 do t("set ^X("""")=1")
 do t("set ^X(1,"""",2)=1")
 do t("write $data(^X(""""))")
 do t("write $get(^X(""""),""d"")")
 do t("write ^X("""")")
 do t("kill ^X("""")")
 do t("write ^X(2)")
 do t("write ^X(1,1)")
 do t("write ^Y")
 do t("write ^X(1)+^X(3)")
 do t("set x=^X(1),y=^Z(1)")
 write $data(x),$data(y),!
 quit
t(cmd) ;
 new $etrap set $etrap="do show set $ecode="""" quit"
 write cmd,": "
 xecute cmd
 write " ok",!
 quit
show write "ECODE=",$ecode," ",$piece($piece($zstatus,",",3),"-",3)
 if $zstatus["GVUNDEF" write " ",$piece($zstatus,",",4,9)," ref=",$reference
 write !
 quit
