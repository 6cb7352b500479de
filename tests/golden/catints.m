catints ; concatenations with integer arithmetic operands written straight into the result
 new i,s,big,x,t
 for i=1,7,-3,0,99 set s=(i*7)_"."_(i#100)_":"_(i-10)_"/"_(i+i) write s," "
 write !
 set big=999999999999999999
 write (big+1)_"|"_(big*10)_"|"_(big#-2)_"|"_(-big-1)_"|"_(big-1)_"|"_(3#-2)_"|"_(-3#2),!
 set x="12abc",t=" 5"
 write (x+1)_"|"_(x*2)_"|"_(t+0)_"|"_(x-x)_"|"_(1.5*2)_"|"_(i/4),!
 set s="" for i=1:1:3 set s=s_(i*i)_","
 write s,!
 set s=$justify("",120) set t=s_(i*3)_"-"_(i#2) write $length(t)," ",$extract(t,119,999),!
 new $etrap set $etrap="write $piece($zstatus,"","",2,4),! set $ecode="""""
 do
 . write (zz*2)_"x",!
 do
 . write "a"_(1+zz)_"b",!
 quit
