gvkill2 ; ZKILL and ZWITHDRAW
 set ^Z=0,^Z(1)=1,^Z(1,1)=11,^Z(2)=2
 zkill ^Z(1)
 write $data(^Z(1)),! zwrite ^Z
 write "--",!
 zwithdraw ^Z
 write $data(^Z),! zwrite ^Z
 write "--",!
 zkill ^Z(2)
 zwrite ^Z
 write $data(^Z),!
 zkill ^none(1)
 write "ok",!
