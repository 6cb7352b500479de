pipe1 ; PIPE device: lines, EOF, $ZEOF/$DEVICE/$KEY/$ZA, ZSHOW "D", $ZCLOSE, WRITE /EOF
 set p="pp"
 write "zclose before any pipe: ",$zclose,!
 open p:(command="echo hello; echo world; exit 3")::"PIPE"
 use p
 for i=1:1:3 read x:5 set r(i)=x_"|"_$test_"|"_$zeof_"|"_$device_"|"_$za use $p write i,": ",r(i)," key=",$zwrite($key),! use p
 use $p
 zshow "D"
 close p
 write "zclose=",$zclose,!
 ; cat echoes what it is given; /EOF ends its input; a last line without LF is read whole
 open p:(command="cat")::"PIPE"
 use p write "abc",! write "def" write /eof
 read x:5 set r=x_"|"_$test_"|"_$zeof read y:5 set r2=y_"|"_$test_"|"_$zeof
 read z:5 set r3=z_"|"_$test_"|"_$zeof_"|"_$device
 use $p zwrite r,r2,r3 close p write "zclose=",$zclose,!
 ; READ x#n and READ *x
 open p:(command="printf 'abcdefgh\nxyz\n'")::"PIPE"
 use p read a#3:5 read *c:5 read b:5 read d#10:5 use $p write a,"|",c,"|",b,"|",d,"|",$zwrite($key),! close p
 ; without STDERR=, standard error comes through the pipe; SHELL= and $0
 open p:(shell="/bin/sh":command="echo err >&2; echo $0; exit 7")::"PIPE"
 use p read x:5,y:5 use $p write x," ",y,! zshow "D" close p write "zclose=",$zclose,!
 ; STDERR= is a device of its own, closed with the pipe, not in ZSHOW "D"
 open p:(command="echo out; echo oops >&2; exit 2":stderr="e")::"PIPE"
 use p read x:5 use "e" read y:5 read z:5 set r=z_"|"_$zeof_"|"_$device use $p
 write x," ",y," ",r,! zshow "D" close p write "zclose=",$zclose,!
 set $etrap="use $p write $piece($zstatus,"","",3,9),! set $ecode="""" goto next^pipe1"
 use "e"
 quit
next ;
 write "exit statuses:"
 for c="exit 0","exit 1","exit 255","kill -9 $$","kill -TERM $$","nosuchcommand_xyz 2>/dev/null" open p:(command=c)::"PIPE" close p write " ",$zclose
 write !
 ; INDEPENDENT: CLOSE does not wait and leaves $ZCLOSE alone
 open p:(command="exit 5":independent)::"PIPE" zshow "D" close p write "zclose=",$zclose,!
 ; READONLY pipes cannot be written, WRITEONLY ones cannot be read
 set $etrap="use $p write $piece($zstatus,"","",3,9),! set $ecode="""" goto n2^pipe1"
 open p:(command="cat":readonly)::"PIPE" zshow "D" use p write "x",!
 quit
n2 close p
 set $etrap="use $p write $piece($zstatus,"","",3,9),! set $ecode="""" goto n3^pipe1"
 open p:(command="cat >/dev/null":writeonly)::"PIPE" use p read x:1
 quit
n3 close p
 set $etrap="use $p write $piece($zstatus,"","",3,9),! set $ecode="""" goto n4^pipe1"
 open p:(readonly)::"PIPE"
 quit
n4 set $etrap="use $p write $piece($zstatus,"","",3,9),! set $ecode="""" goto n5^pipe1"
 open p:(command="exit 0")::"PIPE" use p read x:5,y:5
 quit
n5 use $p write "zeof=",$zeof,! close p
 ; a command that has ended: a WRITE to it is a broken pipe
 set $etrap="use $p write $piece($zstatus,"","",3,9),! set $ecode="""" goto n6^pipe1"
 open p:(command="exit 0")::"PIPE" hang 0.3 use p for i=1:1:2000 write "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",!
 quit
n6 close p write "zclose=",$zclose,!
 ; OPEN of an open pipe keeps it
 open p:(command="echo one")::"PIPE" use p read x:5 open p:(command="echo two")::"PIPE" read y:5 use $p write x,"|",y,"|",$zeof,! close p
 quit
