numoflow2 ; NUMOFLOW from converting a string at run time
 set s="1E46" write "s+0=",s+0,!
 set s="9.99E46" write "s+0=",s+0,!
 set s="1E47"
 write "s+0=",s+0,!
 write "not reached",!
 quit
