dobasic1 ; DO label, label+n, ^routine, label^routine
 do lab
 do lab+1
 do lab+2
 do ^doother1
 do lab^doother1
 do lab,lab+2,^doother1
 DO lab2 D lab2
 write "end",!
 quit
lab write "lab line 0",!
 write "lab line 1",!
 write "lab line 2",!
 quit
lab2 write "lab2",! quit
