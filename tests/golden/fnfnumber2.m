fnfnumber2 ; $FNUMBER codes P and T
 write "$fn(-5,""P"")=[",$fnumber(-5,"P"),"]",!
 write "$fn(5,""P"")=[",$fnumber(5,"P"),"]",!
 write "$fn(0,""P"")=[",$fnumber(0,"P"),"]",!
 write "$fn(-1234.5,""P,"")=[",$fnumber(-1234.5,"P,"),"]",!
 write "$fn(1234.5,"",P"")=[",$fnumber(1234.5,",P"),"]",!
 write "$fn(-5,""T"")=[",$fnumber(-5,"T"),"]",!
 write "$fn(5,""T"")=[",$fnumber(5,"T"),"]",!
 write "$fn(5,""T+"")=[",$fnumber(5,"T+"),"]",!
 write "$fn(-5,""T-"")=[",$fnumber(-5,"T-"),"]",!
 write "$fn(-1234,""T,"")=[",$fnumber(-1234,"T,"),"]",!
 write "$fn(0,""T"")=[",$fnumber(0,"T"),"]",!
 write "$fn(-.5,""p"")=[",$fnumber(-.5,"p"),"]",!
 write "$fn(-.5,""t"")=[",$fnumber(-.5,"t"),"]",!
 write "$fn(1234,""t,+"")=[",$fnumber(1234,"t,+"),"]",!
 quit
