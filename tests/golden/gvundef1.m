gvundef1 ; undefined global references give GVUNDEF
 new $etrap set $etrap="write $zstatus,"" ecode="",$ecode,! set $ecode="""" quit"
 do t("write ^u")
 do t("write ^u(1,""a"")")
 set ^u(1)=1
 do t("write ^u")
 do t("write ^u(1,2)")
 do t("set x=^u(2)+1")
 do t("set $piece(^v(1),"","",2)=^w")
 do t("write ^u(1)")
 do t("set x=1 set x=x+^nope(x)")
 write $data(^v),!
 quit
t(code) write code," -> "
 xecute code write !
 quit
