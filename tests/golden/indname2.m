indname2 ; name indirection: a variable and nothing after it
 set $etrap="write $piece($zstatus,"","",3),! set $ecode="""""
 set a=5,a(1)=6,b="a(1)"
 for x="a write 2","a","a(1)","a(1) ","","1","a,b","@b","a(1)(2)","a )" do t(x)
 write "end",!
 quit
t(x) write x,": " set y=@x write y,! quit
