jobgbl ; GBLDIR: the JOBbed child's database; without it, the child shares the parent's;
 ; the child has the parent's environment either way
 ; $ZCMDLINE: the other database (minim: a folder or a postgres:// URL, as MINIM_DB)
 new other,pid set other=$zcmdline
 set ^P="parent" kill ^C
 job child^jobgbl:(output="/dev/null":error="/dev/null") set pid=$zjob do wait
 write "same database: ",$get(^C,"[none]"),!
 kill ^C
 job @("child^jobgbl:(output=""/dev/null"":error=""/dev/null"":gbldir="""_other_""")") set pid=$zjob do wait
 write "other database: ",$get(^C,"[none]"),!
 quit
wait new i
 for i=1:1:400 quit:'$zgetjpi(pid,"ISPROCALIVE")  hang 0.025
 quit
child set ^C="the child saw ^P="_$get(^P,"[none]")_" and JOBGBL_PROBE="_$ztrnlnm("JOBGBL_PROBE")
 quit
