batchset ; N SETs outside TP, then the end of the process the second argument names:
 ; "quit" (the routine ends), "halt", or "error" (an M error no trap handles)
 new i,n,how set n=$piece($zcmdline," ",1),how=$piece($zcmdline," ",2)
 for i=1:1:n set ^B(how,i)=i
 if how="halt" halt
 if how="error" write 1/0
 quit
