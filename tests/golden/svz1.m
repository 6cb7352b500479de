svz1 ; $ZVERSION and $SYSTEM begin as GT.M's; Z special variables real code reads, in their abbreviations
 w $p($zversion," ",1,3),!,$zv["GT.M",!,$p($system,",",1),"|",$sy["47,",!
 w $zl,"|",$zlevel,"|" d lvl w !
 w $zch,"|",$zchset,"|",$zpatn,"|",$zpatnumeric,!
 w $ze,"|",$zerror,"|",$zed,"|",$zeditor,"|",$zedit,!
 w $zint,"|",$zinterrupt,"|",$zini,"|",$zininterrupt,!
 w $zmo,"|",$zmode,"|",$zpr,"|",$zprompt,"|",$zprom,!
 w $zq,"|",$zquit,"|",$zso,"|",$zsource,"|",$zste,"|",$zstep,"|",$zsy,"|",$zsystem,!
 w $zte,"|",$ztexit,"|",$zyer,"|",$zyerror,"|",$zda,"|",$zdateform,"|",$zco,"|",$zcompile,!
 w $zma,"|",$zmaxtptime,"|",$ztim,"|",$ztimeout,"|",$zio,"|",$zcl,"|",$zaud,"|",$s,"|",$storage,!
 w $zst,"|",$zs,"|",$zt,"|",$ztr,"|",$zeo,!
 s $zprompt="X>",$zint="w 1",$ze="e1",$zyerror="y",$ztexit=1,$zquit=1,$zstep="zp",$zsource="s",$zda=1
 w $zpr,"|",$zint,"|",$ze,"|",$zyer,"|",$zte,"|",$zq,"|",$zste,"|",$zso,"|",$zda,!
 w $zd=$zdirectory,"|",$e($zd,$l($zd)),!
 s $zd="/tmp" w $zd,"|",$zdir,!
 s $zyerror="" s $et="w $p($zs,"","",2,9),! s $ec="""" q"
 d bad
 w "end",!
 q
bad s $zd="/nonexistent-dir-svz1" q
lvl w $zl
 q
