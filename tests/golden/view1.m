view1 ; VIEW and $VIEW: the keywords real code uses, and GT.M's errors for the others
 set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
 for k="GDSCERT","LVNULLSUBS","UNDEF","FULL_BOOLEAN","BREAKMSG","LINK","PATCODE","ZDIR_FORM","LABELS","GVDUPSETNOOP","STATSHARE","GVFIRST","TRANSACTIONID" do vf(k)
 for k="ZDATE_FORM","NOISOLATION","JOBPID","NOUNDEF","JNLACTIVE","REGION","GVNEXT","NOSUCHKEYWORD" do vf(k)
 do vf2("REGION","^a"),vf2("JNLACTIVE","DEFAULT"),vf2("NOISOLATION","^a"),vf2("GVNEXT",""),vf2("GVNEXT","DEFAULT"),vf2("JNLFILE","DEFAULT"),vf2("POOLLIMIT","DEFAULT"),vf2("REGION","^a,^b")
 for k="NOISOLATION","JNLFLUSH","DBFLUSH","DBSYNC","EPOCH","FLUSH","BREAKMSG","GVDUPSETNOOP","JOBPID","LINK","STP_GCOL","LVNULLSUBS","UNDEF","FULL_BOOLEAN","NOFULL_BOOLEAN","PATCODE","ZDIR_FORM","RESETGVSTATS","STATSHARE","NOSTATSHARE","POOLLIMIT","LV_GCOL","LV_REHASH","GVSRESET" do vc(k)
 for k="ZDATE_FORM","NOSUCHKEYWORD","YLCT","GVFIRST","LABELS" do vc(k)
 view "NOISOLATION":"^a,^b","JNLFLUSH":"DEFAULT" write "two arguments",!
 view "NOUNDEF" write "[",$get(zzz,"g"),"][",zzz,"][",zzz(1,2),"]",$view("UNDEF"),! view "UNDEF" write zzz,!
 view "GDSCERT":1 write $view("GDSCERT"),! view "GDSCERT":0 write $view("GDSCERT"),!
 set x="GDSCERT" write $view(x),! set y="JOBPID" view y:1 write "indirect keyword",!
 quit
vf(k) write k,"=",$view(k),! quit
vf2(k,a) write k,"(",a,")=",$view(k,a),! quit
vc(k) view k write "ok ",k,! quit
