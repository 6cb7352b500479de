gvzwr1 ; ZWRITE of whole global, subtree, ranges
 set ^Z=0,^Z(1)=1,^Z(1,1)="a",^Z(1,2)="b",^Z(2)=2,^Z(3,"x")="q""q",^Z(4)=4,^Z("s")=$char(7)_"ab"
 zwrite ^Z
 write "-1-",!
 zwrite ^Z(1,*)
 write "-2-",!
 zwrite ^Z(1:3)
 write "-3-",!
 zwrite ^Z(:2)
 write "-4-",!
 zwrite ^Z(3:)
 write "-5-",!
 zwrite ^Z(1)
 write "-6-",!
 zwrite ^Z(*)
 write "-7-",!
 zwrite ^Z(1,2:)
 write "-8-",!
 do undef
 write "end",!
 quit
undef ;
 new $etrap set $etrap="write $zstatus,! set $ecode="""" quit"
 zwrite ^nothere
 quit
