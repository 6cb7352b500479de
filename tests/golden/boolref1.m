boolref1 ; a skipped & or ! operand still names its globals ($REFERENCE), fetching none
 set ^X(1)=1,^Y(2)=2
 do t("set x=^Y(2),x=0&^X(1)")
 do t("set x=^Y(2),x=0&^X(5)")
 do t("set x=^Y(2),x=1!^X(12)")
 do t("set x=^Y(2),x=0&^(3)")
 do t("set x=^Y(2) if 0&^X(1)")
 do t("set x=^Y(2),x=0&$$f(5)")
 do t("set x=^Y(2),x=0&^X($$f(4))")
 do t("set x=^Y(2),x=0&(^X(1)+^Z(9))")
 do t("set x=^Y(2),x=0&(^X($$f(6))+$$f(7))")
 do t("set x=^Y(2),x=0&undefinedlocal")
 do t("set x=^Y(2),x=0&y(^X(2))")
 do t("set x=^Y(2),x=0&$order(^X(1))")
 do t("set x=^Y(2),x=0&$data(^D(1))")
 do t("set x=^Y(2),x=0&$get(^X(3),$$f(8))")
 do t("set x=^Y(2),x=0&$piece(^X(10),$$f(11))")
 do t("set x=^Y(2),x=0&$select(1:^X(9))")
 do t("set x=^Y(2),x=0&(1&^X(1)&^W(1,2))")
 do t("set x=^Y(2),x=0&^X(1)&^Q(1)")
 do t("set x=^Y(2),x=0&(^X(1)!^R(1))")
 do t("set x=^Y(2),x=0&'^X(13)")
 do t("set x=^Y(2),x=0&$$g(^X(15))")
 do t("set x=^Y(2),x=0&^X(16,$order(^X(17)))")
 do t("set x=^Y(2),x=0&$name(^N(1))")
 do t("set x=^Y(2),i=""^V(8)"",x=0&@i")
 do t("set x=^Y(2) if 0,^X(1)")
 quit
t(cmd) new $etrap set $etrap="write ""  ERR "",$zstatus,"" ref="",$reference,! set $ecode="""" quit"
 write cmd," => "
 xecute cmd
 write "x=",x," ref=",$reference,!
 quit
f(n) write "f",n," " quit n
g(n) write "g" quit n
