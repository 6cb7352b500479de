zintr1 ; $ZINTERRUPT: run on SIGUSR1 at the next line or in a wait, which goes on after it
 write "default: ",$zinterrupt," in: ",$zininterrupt,!
 set $zinterrupt="do intr^zintr1"
 set $zstatus="before"
 ; in a HANG: the handler runs, then the HANG goes on to its end
 set t=$zut zsystem "(sleep 0.3; kill -USR1 "_$job_") &"
 if 1 hang 2 write "hang: n=",n," test=",$test," full:",$zut-t>1.9E6,!
 ; in a READ of a PIPE: the handler runs, then the READ goes on and gets the line
 set p="pp" open p:(command="sleep 0.3; kill -USR1 "_$job_"; sleep 0.3; echo line")::"PIPE"
 use p read x:5 set r=x_"|"_$test_"|"_$io use $p write "read: ",r," n=",n,! close p
 ; in a FOR loop
 zsystem "(sleep 0.2; kill -USR1 "_$job_") &"
 for i=1:1 quit:n>2!(i>300)  hang 0.05
 write "for: n=",n," zstatus=",$zstatus,!
 ; $ZININTERRUPT cannot be SET; an error in the handler is ERRWZINTR at the interrupted
 ; place with the inner error's $ECODE, and a trap that clears it resumes the command
 set $zinterrupt="set $zininterrupt=0"
 set $etrap="write ""trap: "",$piece($zstatus,"","",2,9),"" ecode="",$ecode,"" in="",$zininterrupt,! set $ecode="""""
 do sub
 write "after sub in=",$zininterrupt,!
 set $zinterrupt="write 1/0"
 do sub
 ; empty: the signal is ignored
 set $zinterrupt=""
 zsystem "(sleep 0.2; kill -USR1 "_$job_") &"
 hang 1
 write "ignored",!
 quit
sub zsystem "(sleep 0.2; kill -USR1 "_$job_") &"
 hang 1.5
 write "sub resumed after the trap",!
 quit
intr set n=$get(n)+1
 write "intr ",n,": in=",$zininterrupt," test=",$test," io=",$io," stack=",$stack,! if 0
 set $zstatus="changed"
 quit
