mkdata ; nodes of every kind for extract and load: numbers, strings, odd bytes, deep keys
 new i
 for i=1:1:3000 set ^D(i)=i,^D(i,"n")="name"_$char(0,10,13,34,255)_i
 set ^D("x",-1.5,"y")="q""x",^E=1E20,^%P(1)=""
 write "made",!
 quit
