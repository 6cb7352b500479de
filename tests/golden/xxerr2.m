xxerr2 ; extrinsic that quits without a value
 write "start",!
 set x=$$f
 write "not reached",!
 quit
f() quit
