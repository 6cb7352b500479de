fnfnumber3 ; $FNUMBER with the third argument (decimal places, rounding)
 write "$fn(3.14159,"""",2)=",$fnumber(3.14159,"",2),!
 write "$fn(3.145,"""",2)=",$fnumber(3.145,"",2),!
 write "$fn(2.5,"""",0)=",$fnumber(2.5,"",0),!
 write "$fn(-2.5,"""",0)=",$fnumber(-2.5,"",0),!
 write "$fn(.5,"""",2)=",$fnumber(.5,"",2),!
 write "$fn(-.5,"""",2)=",$fnumber(-.5,"",2),!
 write "$fn(.004,"""",2)=",$fnumber(.004,"",2),!
 write "$fn(-.004,"""",2)=",$fnumber(-.004,"",2),!
 write "$fn(1234567.891,"","",2)=",$fnumber(1234567.891,",",2),!
 write "$fn(-1234567.891,"",P"",1)=",$fnumber(-1234567.891,",P",1),!
 write "$fn(7,"""",3)=",$fnumber(7,"",3),!
 write "$fn(1.999,"""",2)=",$fnumber(1.999,"",2),!
 write "$fn(9.995,"","",2)=",$fnumber(9.995,",",2),!
 write "$fn(999.5,"","",0)=",$fnumber(999.5,",",0),!
 write "$fn(5,""+"",2)=",$fnumber(5,"+",2),!
 write "$fn(-5,""T"",1)=",$fnumber(-5,"T",1),!
 write "$fn(1.5,"""",1.9)=",$fnumber(1.5,"",1.9),!
 write "$fn(0,"""",2)=",$fnumber(0,"",2),!
 write "$fn(""abc"","""",2)=",$fnumber("abc","",2),!
 write "$fn(1/3,"""",5)=",$fnumber(1/3,"",5),!
 write "$fn(2/3,"""",5)=",$fnumber(2/3,"",5),!
 quit
