errtrap ; Error trapping: $ETRAP names the code that runs when an error happens.
 ;   minim examples/errtrap.m
 ; An error sets $ECODE (the standard's codes, such as ,M9, for a division by zero) and
 ; $ZSTATUS (GT.M's number, place and message), then runs $ETRAP. Setting $ECODE to ""
 ; says "handled"; the trap code then decides where the routine goes on.
 write "6/3 = ",$$divide(6,3),!
 write "1/0 = ",$$divide(1,0),!
 write "x   = ",$$divide("x",2),!
 ; Your own errors: set $ECODE to a code that starts with U.
 new $etrap
 set $etrap="write ""caught "",$ecode,! set $ecode="""" goto next"
 set $ecode=",Unotready,"
 write "this line is never reached",!
next write "carried on after the error",!
 ; With no trap at all, an error ends the program (exit status 1) and prints $ZSTATUS.
 quit
 ;
divide(a,b) ; a/b, or a message saying why not
 ; NEW $ETRAP: this trap holds inside divide and the routines it calls, and the caller's
 ; trap comes back when divide quits.
 new $etrap
 set $etrap="goto failed"
 if a'=+a quit "not a number: "_a
 quit a/b
failed ; runs in divide's frame, with the error in $ECODE
 new why
 set why=$ecode_" "_$piece($zstatus,",",3,99)   ; ,M9,Z150373210, %GTM-E-DIVZERO, ...
 set $ecode=""                        ; handled
 quit "error "_why
