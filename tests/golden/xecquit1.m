xecquit1 ; QUIT inside XECUTE ends only the XECUTE; FOR inside XECUTE
 xecute "write ""a"" quit  write ""b"""
 write " after quit-xecute",!
 xecute "for i=1:1:5 write i quit:i=3"
 write " i=",i,!
 xecute "for i=1:1:3 write i,"" """
 write !
 set s=0 xecute "for j=1:1 set s=s+j quit:j=10" write "s=",s,!
 do p write "p returned",!
 quit
p xecute "quit" write "p continues after xecute quit",! quit
