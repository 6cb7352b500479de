gvundef ; a global read that fails shows its own line
 set x=1
 kill ^gvundef
 for i=1:1:2 write i,! set z=^gvundef(i)
