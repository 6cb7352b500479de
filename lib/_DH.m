%DH ; minim library: decimal to hexadecimal
 ; DO ^%DH with %DH (and optionally %DL, the minimum width, default 8) converts %DH in place;
 ; without %DH defined it asks at the principal device. $$FUNC^%DH(d,l) is the function form.
 if $data(%DH)#2 set %DH=$$FUNC(%DH,$get(%DL,8)) quit
INT new %d
 for  read !,"Decimal: ",%d quit:%d=""  write "  ",$$FUNC(%d)
 write !
 quit
FUNC(d,l) ; hexadecimal digits of the integer part of d, at least l digits (default 8)
 new h,n,w,i,c
 set d=$get(d)\1,w=$get(l,8)\1 if w<1 set w=1
 if d<0 goto NEG
 set h="" for  set h=$extract("0123456789ABCDEF",d#16+1)_h,d=d\16 quit:d=0
 for  quit:$length(h)'<w  set h="0"_h
 quit h
NEG ; two's complement: hex of -d-1 with every digit complemented, padded with F to width;
 ; (GT.M's own %DH agrees for -1, -256, -4096, -2147483648 but is irregular for most others)
 ; one more F when the leading digit would not carry the sign
 set n=-d-1,h=""
 for  set h=$extract("FEDCBA9876543210",n#16+1)_h,n=n\16 quit:n=0
 for  quit:$length(h)'<w  set h="F"_h
 if "01234567"[$extract(h) set h="F"_h
 quit h
