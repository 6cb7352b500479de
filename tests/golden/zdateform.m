zdateform ; $ZDATEFORM: the default format's year digits (0: two, 1: four from 2000, else four); an integer
 set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
 for z=0,1,-1,2,1999,2000,"1.7",0.5,"","2a" do one
 set $zdateform=1
 for h=58073,58074,94599 write h," ",$zdate(h,"")," ",$zdate(h,1)," ",$zdate(h,"MM/DD/YY")," ",$zdate(h,2)," ",$zdate(h,"YY"),!
 set $zdateform=0
 write $zdate("58074,45296","12:60:SS AM DAY MON"),!
 write $zdate(58074,"MON DAY",",,,,,,,,,,,,",",X"_$char(200)_"Y,"),!
 write $zdate(58074,"DD*+,-./:; MM"),!
 do bad("DD"_$char(233)_"MM"),bad("DD=MM"),bad("yy"),bad("DD"_$char(9)_"MM")
 quit
one set $zdateform=z write $justify(z,4),"->",$zdateform,":" for h=0,21550,36525,58073,58074,94599 write " ",$zdate(h)
 write !
 quit
bad(f) write $zdate(58074,f),! quit
