gvtp3 ; TROLLBACK effect on locals, restore lists, SERIAL
 set x=1,y=1,z=1
 tstart (x):serial
 set x=2,y=2,z=2,^L(1)=1
 trollback
 write x," ",y," ",z," ",$data(^L),!
 set a=1,b(1)=1
 tstart (a,b)
 set a=5,b(2)=2 kill b(1)
 trollback
 write "a=",a," " zwrite b
 tstart *
 set c=1
 trollback
 write $data(c),!
 tstart ():(serial)
 set ^L(2)=2
 tcommit
 zwrite ^L
 write "$TLEVEL=",$tlevel," $TRESTART=",$trestart,!
