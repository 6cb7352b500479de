%LCASE ; minim library: lower case
 ; DO ^%LCASE with %S defined converts it in place; $$FUNC^%LCASE(s) is the function form.
 ; ASCII letters, and the Latin-1 letters GT.M also maps in M mode: 192-207 to 224-239 and
 ; 209-221 to 241-253 (208 and 222 stay as they are).
 if $data(%S)#2 set %S=$$FUNC(%S) quit
INT new %s
 for  read !,"String: ",%s quit:%s=""  write !,$$FUNC(%s)
 write !
 quit
FUNC(s) quit $translate(s,"ABCDEFGHIJKLMNOPQRSTUVWXYZ"_$char(192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,209,210,211,212,213,214,215,216,217,218,219,220,221),"abcdefghijklmnopqrstuvwxyz"_$char(224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,241,242,243,244,245,246,247,248,249,250,251,252,253))
