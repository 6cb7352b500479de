etrapunwind ; an $ETRAP that goes on by GOTO leaves the error pending: each QUIT passes it up
 new $etrap set $etrap="do trap^etrapunwind"
 set depth=0
 do down
 write "back at the top, $ECODE=",$ecode,!
 quit
down set depth=depth+1 new mine set mine=depth
 if depth=4 write 1/0 write "not here",! quit
 if depth=2 do  write "after the block ",depth,! quit
 . do down
 . write "not here either",!
 do down
 write "not here at ",depth,!
 quit
trap write "trap at level ",$stack,!
 set $etrap="goto unw^etrapunwind"
 quit
unw write "unwinding at $ESTACK ",$estack," mine=",$get(mine),!
 if $estack>1 quit
 set $ecode=""
 quit
