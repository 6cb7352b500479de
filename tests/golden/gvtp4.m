gvtp4 ; TRESTART with a counter, $TRESTART, restore list
 set n=0,k=0
 tstart (n):serial
 set k=k+1
 write "try: $TRESTART=",$trestart," n=",n," k=",k,!
 set ^R(k)=$trestart
 set n=n+1
 if $trestart<2 trestart
 tcommit
 write "done n=",n," k=",k," $TRESTART=",$trestart,!
 zwrite ^R
