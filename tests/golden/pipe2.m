pipe2 ; PIPE device: timeouts; a command that sleeps, dies or floods never hangs the READ
 set p="pp"
 ; what arrived of a line is returned when the timeout ends, and is gone
 open p:(command="printf 'ab'; sleep 1; echo cd")::"PIPE"
 use p read x:0.3 set r1=x_"|"_$test read x:5 set r2=x_"|"_$test use $p write r1," ",r2,! close p
 ; a command that says nothing: the READ ends at its timeout with $TEST 0
 set t=$zut open p:(command="sleep 4")::"PIPE"
 use p read x:0.5 set r=x_"|"_$test_"|"_$zeof read *c:0.2 set r=r_"|"_c_"|"_$test use $p
 write r," waited<2:",$zut-t<2E6,!
 ; CLOSE waits 2 seconds for it, then $ZCLOSE is -99 (it is left to run)
 set t=$zut close p write "zclose=",$zclose," waited 2s:",$zut-t>1.9E6,$zut-t<3.5E6,!
 ; a command that dies: the READ sees the end of file at once
 set t=$zut open p:(command="kill -9 $$")::"PIPE"
 use p read x:10 set r=x_"|"_$test_"|"_$zeof use $p write r," fast:",$zut-t<5E6,! close p write "zclose=",$zclose,!
 ; a command that floods its output and is never read: CLOSE ends it (SIGPIPE)
 open p:(command="yes")::"PIPE" use p read x:5 use $p write x,! hang 0.2 close p write "zclose=",$zclose,!
 ; a coprocess answering line by line
 open p:(command="while read l; do echo ""got $l""; done")::"PIPE"
 use p for i=1:1:3 write "line",i,! read x:5 set r(i)=x
 write /eof read x:5 set r(4)=x_"|"_$zeof use $p zwrite r close p write "zclose=",$zclose,!
 quit
