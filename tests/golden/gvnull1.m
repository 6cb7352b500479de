gvnull1 ; null subscripts in globals are refused by default (NULSUBSC)
 new $etrap set $etrap="do show set $ecode="""" quit"
 set ^x(1)=1
 do t("set ^x("""")=1")
 do t("set ^x(1,"""",2)=1")
 do t("write $data(^x(""""))")
 do t("write $get(^x(""""),""d"")")
 do t("kill ^x("""")")
 do t("write ^x("""")")
 do t("write $order(^x(""""))")
 do t("write $order(^x("""",1))")
 do t("set x=$increment(^x(""""))")
 do t("write $name(^x(""""))")
 do t("merge ^y("""")=^x")
 zwrite ^x
 quit
t(code) write code," -> "
 xecute code write !
 quit
show ; the database file path is not deterministic: print around it
 write $piece($zstatus,"file: ",1),"<file>"
 write ",GVIS: ",$piece($zstatus,"Global variable: ",2)," ecode=",$ecode,!
 quit
