trapundef2 ; more error kinds with GT.M's $ECODE and mnemonic
 set $etrap="write $ecode,"" "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 do e1,e2,e3,e4,e5,e6
 quit
e1 set x=$$nolab() quit
e2 do ^trapnosuch quit
e3 set x=$char(-1)_$ascii("") write "no error e3",! quit
e4 set x=$select(0:1) quit
e5 set x=1E400 quit
e6 set x="a" set x=x(1,2) quit
