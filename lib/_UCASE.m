%UCASE ; minim library: upper case
 ; DO ^%UCASE with %S defined converts it in place; $$FUNC^%UCASE(s) is the function form.
 ; ASCII letters, and the Latin-1 letters GT.M also maps in M mode: 224-239 to 192-207 and
 ; 241-253 to 209-221 (240, 254 and 255 stay as they are).
 if $data(%S)#2 set %S=$$FUNC(%S) quit
INT new %s
 for  read !,"String: ",%s quit:%s=""  write !,$$FUNC(%s)
 write !
 quit
FUNC(s) quit $translate(s,"abcdefghijklmnopqrstuvwxyz"_$char(224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,241,242,243,244,245,246,247,248,249,250,251,252,253),"ABCDEFGHIJKLMNOPQRSTUVWXYZ"_$char(192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,209,210,211,212,213,214,215,216,217,218,219,220,221))
