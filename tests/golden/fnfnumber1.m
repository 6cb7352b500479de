fnfnumber1 ; $FNUMBER codes , + - with two arguments
 write "$fn(1234567,"","")=",$fnumber(1234567,","),!
 write "$fn(-1234567.89,"","")=",$fnumber(-1234567.89,","),!
 write "$fn(123,"","")=",$fnumber(123,","),!
 write "$fn(1234,"","")=",$fnumber(1234,","),!
 write "$fn(.5,"","")=",$fnumber(.5,","),!
 write "$fn(5,""+"")=",$fnumber(5,"+"),!
 write "$fn(-5,""+"")=",$fnumber(-5,"+"),!
 write "$fn(0,""+"")=",$fnumber(0,"+"),!
 write "$fn(-5,""-"")=",$fnumber(-5,"-"),!
 write "$fn(5,""-"")=",$fnumber(5,"-"),!
 write "$fn(-1234.5,"",-"")=",$fnumber(-1234.5,",-"),!
 write "$fn(1234.5,""+,"")=",$fnumber(1234.5,"+,"),!
 write "$fn(1234,"""")=",$fnumber(1234,""),!
 write "$fn(""12abc"","","")=",$fnumber("12abc",","),!
 write "$fn(1E9,"","")=",$fnumber(1E9,","),!
 write "$fn(-.25,""-"")=",$fnumber(-.25,"-"),!
 write "$fn(0,"","")=",$fnumber(0,","),!
 write "$fn(""1.50"","""")=",$fnumber("1.50",""),!
 quit
