%HD ; minim library: hexadecimal to decimal
 ; DO ^%HD with %HD defined converts it in place; without it asks at the principal device.
 ; $$FUNC^%HD(h) is the function form: the leading hexadecimal digits of h (either case).
 if $data(%HD)#2 set %HD=$$FUNC(%HD) quit
INT new %h
 for  read !,"Hexadecimal: ",%h quit:%h=""  write "  ",$$FUNC(%h)
 write !
 quit
FUNC(h) ; value of the hexadecimal digits at the start of h; "" for a leading minus sign
 new r,i,v
 if $extract(h)="-" quit ""
 set h=$translate(h,"abcdef","ABCDEF"),r=0
 for i=1:1:$length(h) set v=$find("0123456789ABCDEF",$extract(h,i))-2 quit:v<0  set r=r*16+v
 quit r
