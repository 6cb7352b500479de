errquitn1 ; QUIT without a value from an extrinsic
 write "before",!
 write "ok: ",$$good(),!
 set x=$$bad()
 write "not reached",!
 quit
good() quit 1
bad() write "in bad",!
 quit
