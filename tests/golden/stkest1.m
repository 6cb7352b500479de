stkest1 ; NEW $ESTACK resets $ESTACK counting
 write "top estack=",$estack,!
 do a
 quit
a write "a estack=",$estack,!
 do b
 write "a after b estack=",$estack,!
 quit
b new $estack
 write "b after new estack=",$estack,!
 do c
 quit
c write "c estack=",$estack," stack=",$stack,!
 write "c ext estack: ",$$e,!
 quit
e() quit $estack
