gvtp9 ; TSTART *: a restart kills the locals made after the TSTART and restores the others
 s ^g=1,a=1
 tstart * w "S",$trestart," ",$d(new)," ",$d(b)," a=",a,! s new=1,a=2 n b s b=1 i $trestart<1 trestart
 tcommit
 w $d(new),a,!
 d x
 q
x n a s a=5,keep=1 tstart * w "R",$trestart," ",$g(a)," ",$d(keep)," ",$d(fresh),! s a=6,fresh=1 i $trestart<1 trestart
 tcommit
 w a,fresh,!
 q
