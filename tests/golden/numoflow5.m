numoflow5 ; NUMOFLOW from dividing by a tiny number
 set t=1E-40 write "t=",t,!
 set x=1E5 write "x/t ok: ",$length(x/t),!
 set x=1E20
 write x/t,!
 write "not reached",!
 quit
