viewlogtp1 ; VIEW "[NO]LOGT[PRESTART]"[:n] and $VIEW("LOGTPRESTART"): the frequency, 0 when off
 w $view("LOGTPRESTART"),! view "LOGTPRESTART" w $view("LOGTPRESTART"),! view "NOLOGTPRESTART" w $view("LOGTPRESTART"),!
 view "LOGTP":7 w $view("LOGTP"),! view "LOGTPRESTART":"abcd":.1234 w $view("logtprestart"),! view "LOGTPRESTART":3.9 w $view("LOGTPRESTART"),!
 view "LOGTPRESTART":-2 w $view("LOGTPRESTART"),! view "NOLOGTP" w $view("LOGTPRESTART"),! view "LOGT":5 w $view("LOGT"),! view "nologt" w $view("LOGTPRESTART"),!
 n $et s $et="w $p($zs,"","",3,9),! s $ec="""" q"
 d e1,e2
 q
e1 w $view("NOLOGTPRESTART"),!
 q
e2 view "LOGTPRESTART=4"
 q
