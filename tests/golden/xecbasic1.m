xecbasic1 ; XECUTE basics, postconditional, several arguments
 xecute "write ""hello"",!"
 set x="set a=1" xecute x write "a=",a,!
 xecute:a=1 "write ""pc true"",!"
 xecute:a=2 "write ""pc false"",!"
 xecute "write 1,!","write 2,!"
 xecute "write ""arg pc"",!":a,"write ""no"",!":'a
 set c="write ""c"" write ""d"",!" xecute c
 xecute ""
 write "empty xecute ok",!
 quit
