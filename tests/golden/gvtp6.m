gvtp6 ; TP: restore of local arrays on TRESTART, global changes after restart, ZKILL in TP
 set a(1)=1,a(2)=2,cnt=0
 set ^G=0
 tstart (a)
 set cnt=cnt+1
 write "$TRESTART=",$trestart," " zwrite a
 set a(3)=3 kill a(1)
 zkill ^G set ^G(cnt)=cnt
 if $trestart=0 trestart
 tcommit
 write "cnt=",cnt,! zwrite a,^G
 tstart ():serial
 set ^H(1)=1
 tstart
 set ^H(2)=2
 trollback
 write "$TLEVEL=",$tlevel," $D(^H)=",$data(^H),!
