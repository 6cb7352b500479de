fnfnumber6 ; $FNUMBER odd codes, big values; a negative decimal count is an error
 write "$fn(5,""++"")=",$fnumber(5,"++"),!
 write "$fn(-5,"",,"")=",$fnumber(-5,",,"),!
 write "$fn(5,""+-"")=",$fnumber(5,"+-"),!
 write "$fn(-5,""+-"")=",$fnumber(-5,"+-"),!
 write "$fn(-1,""T+"")=[",$fnumber(-1,"T+"),"]",!
 write "$fn(1E20,"","")=",$fnumber(1E20,","),!
 write "$fn(12.5,"""",0)=",$fnumber(12.5,"",0),!
 write "$fn(1E-5,"""")=",$fnumber(1E-5,""),!
 write "$fn(1E-5,"""",2)=",$fnumber(1E-5,"",2),!
 write "$fn(123.456,""T"",1)=[",$fnumber(123.456,"T",1),"]",!
 write "$fn(-123.456,""T"",1)=[",$fnumber(-123.456,"T",1),"]",!
 set d=-1
 set x=$fnumber(1234,",",d)
 write "not reached",!
 quit
