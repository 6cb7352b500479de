numbig1 ; big and tiny magnitudes
 write "1E40=",1E40,!
 write "1E46=",1E46,!
 write "-1E46=",-1E46,!
 write "1E-40=",1E-40,!
 write "1E-43=",1E-43,!
 write "1E-46=",1E-46,!
 write "1E-50=",1E-50,!
 write "1E-40*1E-10=",1E-40*1E-10,!
 write "len 1E40: ",$length(1E40),!
 write "len 1E-40: ",$length(1E-40),!
 write "1E30*1E10=",1E30*1E10,!
 write "1.5E45=",1.5E45,!
 write "1E46/1E46=",1E46/1E46,!
 write "1E-20*1E20=",1E-20*1E20,!
 quit
