zyerror1 ; $ZYERROR: DOne after an error, before the trap, to fill $ZERROR
 w "init:",$zyerror,"|",$zerror,!
 s $zyerror="zyh^zyerror1" w "set:",$zyerror,!
 s $etrap="d et^zyerror1"
 d t
 w "after etrap:",$zerror,!
 s $etrap="",$ztrap="g zt^zyerror1"
 s $zyerror="zyh+1^zyerror1" d t
 w "after:",$zerror,!
 s $zyerror="zyh^nortnzy" d t
 w "after2:",$zerror,!
 s $zyerror="nest^zyerror1" d t
 w "after3:",$zerror,"|",$zyerror,!
 s $zyerror="zyh" d t
 w "after4:",$zerror,"|",$zyerror,!
 s $zyerror="q^zyerror1" d t
 w "after5:",$zerror,"|",$zyerror,!
 s $zyerror="nolab^zyerror1" d t
 w "after6:",$zerror,"|",$zyerror,!
 s $zyerror="bad^zyerror1" d t
 w "after7:",$zerror,!
 s $zyerror="" s $zerror="kept" d t
 w "after8:",$zerror,!
 d newzy
 w "back:",$zyerror,!
 q
t s x=1/0 w "not here",!
 q
zyh w "zyh level:",$zlevel," st:",$stack," ec:",$ecode,"|",$zstatus,!
 w "zyh+1:",$zlevel,"|",$zyerror,! s $zerror="Z1",$zyerror="changed" q
nest w "nest zy=",$zyerror,! s $zyerror="zyh^zyerror1" s y=1/0 w "nest after",! q
q s $zerror="" q
bad w "bad:",$zlevel,"|",$zerror,! s y=undefv q
et w "et:",$zerror,"|",$zstatus,"|",$ecode,"|",$zlevel,! s $ecode="" q
zt w "zt:",$zerror,"|",$ecode,"|",$zlevel,! s $ecode="" q
newzy w "in newzy:",$zyerror,! n $zyerror w "newed:",$zyerror,! s $zyerror="other" w $zyerror,! q
