lost ; the database server goes away: every global operation is then an error the routine traps
 ; (a SET outside TP is sent in the background: its failure is the error of the next operation)
 set ^A(1)=1 write "ready",!
 read x
 new op
 for op="set ^A(2)=2 if $data(^A(2))","write $order(^A(1))","write $order(^A(2),-1)","write $query(^A(1))","write $increment(^A(3))","write $data(^A)","write $get(^A(1))","kill ^A(1)","merge ^B=^A","write $order(^A)","zwrite ^A","tstart  set ^A(4)=1 tcommit" do try(op)
 write "done",!
 quit
try(code) ; each operation in its own frame, so the trap returns here
 new $etrap
 set $etrap="write ""trapped "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 xecute code
 quit
